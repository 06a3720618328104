import matter from 'gray-matter';

/**
 * Parses a YAML document with gray-matter's YAML engine, the one front matter is read with, so the
 * importer has one YAML reader with one set of rules. Executable engines are refused.
 * @throws Error when the text is not valid YAML
 */
export function parseYaml(text: string): unknown {
  const refuse = (): never => {
    throw new Error('only YAML is accepted');
  };
  return matter(`---\n${text}\n---\n`, { engines: { javascript: refuse, coffee: refuse } }).data;
}

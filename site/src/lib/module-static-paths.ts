import { contentGraph, type ModuleNode } from './content-graph';
import { renderPlan } from './render-plan';

/**
 * The static paths of a page that every module has once (its home, its print page): one per
 * module this build renders, with the module's node as props. Modules the render plan leaves out
 * are copied from the live release with their whole folder.
 */
export async function moduleStaticPaths(): Promise<Array<{ params: { module: string }; props: ModuleNode }>> {
  const [modules, plan] = await Promise.all([contentGraph(), renderPlan()]);
  return modules
    .filter((node) => plan.renders(node.module.slug))
    .map((node) => ({ params: { module: node.module.slug }, props: node }));
}

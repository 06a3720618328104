/** Posts a GraphQL query to Strapi, optionally with a token, and returns the status and body. */
export async function postGraphql(
  url: string,
  query: string,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

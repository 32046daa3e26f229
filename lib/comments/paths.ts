/** Where a post's comments live in the API, as clients send it (the server's memory answers are keyed by it). Pure. */
export const threadApiPath = (slug: string) => `/api/posts/${encodeURIComponent(slug)}/comments`;

/** Where a post's comments live in the API, as clients send it (the server's memory answers are keyed by it). Pure. */
export const threadApiPath = (slug: string) => `/api/posts/${encodeURIComponent(slug)}/comments`;

/** The topic of a post's thread on the change feed (lib/db/change-feed.ts). */
export const threadTopic = (slug: string) => `thread:${slug}`;
export const slugOfThreadTopic = (topic: string) => (topic.startsWith('thread:') ? topic.slice('thread:'.length) : null);

/** Where the app tells its own server that another instance changed a thread (lib/comments/remote-changes.ts). */
export const THREAD_CHANGED_PATH = '/api/internal/thread-changed';

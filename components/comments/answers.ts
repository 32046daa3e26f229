/**
 * The comments API's answer schemas (lib/comments/dto-schema.ts) as loaders for `callApi`: every
 * call the comment components make happens after a reader acts or the thread comes near the
 * screen, so zod loads then, in a chunk of its own, and not with the post page.
 */
const dtoSchemas = () => import('@/lib/comments/dto-schema');

export const threadPageAnswer = () => dtoSchemas().then((schemas) => schemas.threadPageResponseSchema);
export const commentAnswer = () => dtoSchemas().then((schemas) => schemas.commentResponseSchema);
export const deleteAnswer = () => dtoSchemas().then((schemas) => schemas.deleteResponseSchema);
export const flagAnswer = () => dtoSchemas().then((schemas) => schemas.flagResponseSchema);
export const previewAnswer = () => dtoSchemas().then((schemas) => schemas.previewResponseSchema);
export const formTokenAnswer = () => dtoSchemas().then((schemas) => schemas.formTokenResponseSchema);

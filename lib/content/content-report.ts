/**
 * What could not be taken over from a blog as it is: a post left out (a front matter key Jekyll
 * would not accept either, a name that is not a post's, a broken `post_url`), or a `_config.yml`
 * setting Duizhao does not follow. Each names the file, the key and the reason; the report is
 * printed before the site is built and served, and the other posts build regardless.
 */

export type ContentProblem = {
  /** The file at fault, relative to the content folder. */
  file: string;
  /** The front matter or configuration key, or `(file)` when the file as a whole is at fault. */
  key: string;
  reason: string;
};

/** A post that cannot be built, carrying every problem found in it. */
export class PostProblemError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map((problem) => `${problem.file}: ${problem.key}: ${problem.reason}`).join('\n'));
    this.name = 'PostProblemError';
  }
}

export function problemsOf(error: unknown, file: string): ContentProblem[] {
  if (error instanceof PostProblemError) return error.problems;
  return [{ file, key: '(file)', reason: error instanceof Error ? error.message : String(error) }];
}

/** The report as printed: one line per problem, grouped by file, or null when all is well. */
export function formatContentReport(problems: readonly ContentProblem[], leftOut: readonly string[], postCount: number): string | null {
  if (problems.length === 0) return null;
  const lines = [`Content: ${postCount} post(s) ready${leftOut.length > 0 ? `, ${leftOut.length} left out` : ''}.`];
  const byFile = new Map<string, ContentProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  for (const [file, found] of byFile) {
    lines.push(`  ${file}${leftOut.includes(file) ? ' (left out)' : ''}`);
    for (const { key, reason } of found) lines.push(`    - ${key}: ${reason}`);
  }
  return lines.join('\n');
}

/** The `<option>`s for a comment's language, each named in its own language; shared by the post and edit forms. */
import type { CommentLabels } from './labels';

export function CommentLangOptions({ names }: { names: CommentLabels['langName'] }) {
  return (
    <>
      <option value="zh" lang="zh-Hans">
        {names.zh}
      </option>
      <option value="en" lang="en">
        {names.en}
      </option>
    </>
  );
}

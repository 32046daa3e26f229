/**
 * kramdown's block extensions as a remark plugin: `{::comment}…{:/comment}` becomes an HTML
 * comment (as kramdown writes it), `{::nomarkdown}…{:/}` passes its body through untouched.
 * Extensions with other names are dropped, as kramdown drops them; `{::options … /}` has no
 * body and stays a one-line marker (accepted, without effect on the output).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { extensionStartName } from './micromark-kramdown-extension-block';

export function remarkKramdownExtensions() {
  return (tree: Root) => {
    visit(tree, 'kramdownExtension', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const lines = node.value.split(/\r?\n/);
      const name = extensionStartName(lines[0] ?? '');
      const body = lines.slice(1, -1).join('\n');
      if (name === 'comment') parent.children[index] = { type: 'html', value: `<!-- ${body} -->`, position: node.position };
      else if (name === 'nomarkdown') parent.children[index] = { type: 'html', value: body, position: node.position };
      else {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
  };
}

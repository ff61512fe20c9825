import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { isParagraphAnchor } from '../anchors/ids';
import { placeLabel } from '../anchors/labels';
import { contentLang } from './content-lang';

const source = 'rehype-search-subresults';

/**
 * Makes each paper paragraph its own search sub-result: Pagefind turns an element with an id and
 * `data-pagefind-title` into one, so a match lands on its paragraph rather than on the section's
 * heading. The title is the paragraph's place as backlinks name it ("§3.2.1 ¶2" / "3.2.1 节第 2 段").
 */
function searchSubResultsTransform(tree: Root, file: VFile): void {
  const lang = contentLang(file, source);
  for (const node of tree.children) {
    if (node.type !== 'element' || node.tagName !== 'p') continue;
    const id = node.properties['id'];
    if (typeof id === 'string' && isParagraphAnchor(id)) {
      node.properties = { ...node.properties, dataPagefindTitle: placeLabel(id, lang) };
    }
  }
}

/** rehype plugin: see `searchSubResultsTransform`. Needs rehype-paragraph-ids before it. */
export default function rehypeSearchSubResults() {
  return searchSubResultsTransform;
}

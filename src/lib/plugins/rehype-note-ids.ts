import type { Root, RootContent } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { noteAnchor } from '../anchors/ids';
import { numberedBySection } from './page-sections';

/**
 * Gives each of the site's notes (`<Note>`) an id of its own, of another form than the paper's
 * paragraphs (docs/contract.md): the section and the note's place among its notes,
 * `s3-1-note-2`. Note.astro makes it the note's search sub-result, so a match in a note lands on
 * the note and is named as one, not as the paragraph before it.
 * @example in section 3.1: `<Note kind="translator">` → `<Note kind="translator" id="s3-1-note-1">`
 */
function noteIdsTransform(tree: Root, file: VFile): void {
  const isNote = (node: RootContent): node is MdxJsxFlowElementHast => node.type === 'mdxJsxFlowElement' && node.name === 'Note';
  for (const { node, section, index } of numberedBySection(tree, file, isNote)) {
    node.attributes.push({ type: 'mdxJsxAttribute', name: 'id', value: noteAnchor(section, index) });
  }
}

/** rehype plugin: see `noteIdsTransform`. Needs rehype-section-ids before it. */
export default function rehypeNoteIds() {
  return noteIdsTransform;
}

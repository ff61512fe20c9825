import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { markForeignText } from '../translation/foreign-text';
import { contentLang } from './content-lang';

const source = 'rehype-foreign-lang';

/** rehype plugin: marks the other language's text in a content file with its `lang` (`markForeignText`). */
export default function rehypeForeignLang() {
  return (tree: Root, file: VFile) => markForeignText(tree, contentLang(file, source));
}

import { strToU8, zipSync, type Zippable } from 'fflate';
import { HTML_LANG, type Lang } from '../../i18n/utils';
import { sectionAnchor } from '../anchors/ids';

/*
 * The course cartridge (docs/contract.md, "Downloads and offline reading"): an IMS Thin Common
 * Cartridge 1.3 package, which course platforms (Moodle, Canvas, Blackboard …) import as a module
 * of web links: one folder per page, with a link to the page, one to its parallel view and one to
 * each numbered subsection on it.
 * Thin: no content of its own, only absolute links into this site. Written deterministically (fixed
 * entry order, timestamps and compression), so two builds of one commit are byte-identical.
 */

/** Where a language's cartridge is served, inside the site (src/pages/downloads/course.[lang].imscc.ts). */
export function cartridgeFile(lang: Lang): string {
  return `downloads/course.${lang}.imscc`;
}

/** One web link of the cartridge. */
export interface CartridgeLink {
  title: string;
  url: string;
}

/** One page: its folder's title and its links (the page, its parallel view, its subsections). */
export interface CartridgeSection {
  /** The paper's number, e.g. "3.2.1". */
  section: string;
  title: string;
  links: readonly CartridgeLink[];
}

/** What the cartridge holds, in one language. */
export interface Cartridge {
  lang: Lang;
  /** The package's title: the paper's title in that language. */
  title: string;
  description: string;
  /** The licence statement (the paper's CC BY 4.0), in English as the source gives it. */
  rights: string;
  sections: readonly CartridgeSection[];
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Each link's resource id and file, in order: `s3-2-1-l1` → `weblinks/s3-2-1-l1.xml` ("l": never a folder's id). */
function resources(cartridge: Cartridge): { id: string; file: string; link: CartridgeLink; section: CartridgeSection }[] {
  return cartridge.sections.flatMap((section) =>
    section.links.map((link, index) => {
      const id = `${sectionAnchor(section.section)}-l${index + 1}`;
      return { id, file: `weblinks/${id}.xml`, link, section };
    }),
  );
}

/** imsmanifest.xml: the package's metadata (title, language, rights), the folders and the web-link resources. */
export function cartridgeManifest(cartridge: Cartridge): string {
  const language = HTML_LANG[cartridge.lang];
  const all = resources(cartridge);
  const string = (text: string, lang = language) => `<lomimscc:string language="${lang}">${escapeXml(text)}</lomimscc:string>`;
  const folders = cartridge.sections.map((section) => {
    const items = all
      .filter((resource) => resource.section === section)
      .map(
        (resource) => `          <item identifier="I_${resource.id}" identifierref="R_${resource.id}">
            <title>${escapeXml(resource.link.title)}</title>
          </item>`,
      );
    return `        <item identifier="I_${sectionAnchor(section.section)}">
          <title>${escapeXml(section.title)}</title>
${items.join('\n')}
        </item>`;
  });
  const resourceElements = all.map(
    (resource) => `    <resource identifier="R_${resource.id}" type="imswl_xmlv1p3">
      <file href="${resource.file}"/>
    </resource>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="xiaomi-value-co-creation-${cartridge.lang}"
  xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
  xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1 http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd">
  <metadata>
    <schema>IMS Thin Common Cartridge</schema>
    <schemaversion>1.3.0</schemaversion>
    <lomimscc:lom>
      <lomimscc:general>
        <lomimscc:title>${string(cartridge.title)}</lomimscc:title>
        <lomimscc:language>${language}</lomimscc:language>
        <lomimscc:description>${string(cartridge.description)}</lomimscc:description>
      </lomimscc:general>
      <lomimscc:rights>
        <lomimscc:copyrightAndOtherRestrictions><lomimscc:value>yes</lomimscc:value></lomimscc:copyrightAndOtherRestrictions>
        <lomimscc:description>${string(cartridge.rights, 'en')}</lomimscc:description>
      </lomimscc:rights>
    </lomimscc:lom>
  </metadata>
  <organizations>
    <organization identifier="O_1" structure="rooted-hierarchy">
      <item identifier="I_root">
${folders.join('\n')}
      </item>
    </organization>
  </organizations>
  <resources>
${resourceElements.join('\n')}
  </resources>
</manifest>
`;
}

/** One web link's XML (IMS CC 1.3 Web Link). */
function webLinkXml(link: CartridgeLink): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3 http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd">
  <title>${escapeXml(link.title)}</title>
  <url href="${escapeXml(link.url)}" target="_blank"/>
</webLink>
`;
}

/**
 * Every entry's timestamp. ZIP stores local date and time and fflate reads them with the local
 * getters, so a date built from local parts gives the same bytes in every time zone.
 */
const FIXED_TIME = new Date(2024, 4, 31, 0, 0, 0);

/** The .imscc file: a ZIP with imsmanifest.xml first, then the web links in order. */
export function cartridgeZip(cartridge: Cartridge): Uint8Array<ArrayBuffer> {
  const files: Zippable = { 'imsmanifest.xml': strToU8(cartridgeManifest(cartridge)) };
  for (const resource of resources(cartridge)) files[resource.file] = strToU8(webLinkXml(resource.link));
  return zipSync(files, { level: 9, mtime: FIXED_TIME });
}

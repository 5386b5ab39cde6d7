import { classifyQualifier, type EditionFlag } from './edition-qualifiers.ts';
import { collapseSpaces, foldCase, stripPunctuation } from './text-fold.ts';

/** A track or album title split into comparable parts. */
export interface ParsedTitle {
  /** Folded title without edition qualifiers and credits; kept qualifiers are included as words. */
  key: string;
  /** `key` without the kept bracketed qualifiers ("like spinning plates" for "Like Spinning Plates (Live)"). */
  baseKey: string;
  /** Kept bracketed qualifiers, folded ("live", "spektre remix"). */
  keptQualifiers: string[];
  editions: ReadonlySet<EditionFlag>;
}

// Innermost bracket group; a loop peels nested groups from the inside out.
const BRACKET_GROUP = /[([{]([^()[\]{}]*)[)\]}]/u;
const WHOLLY_BRACKETED = /^[([{]([^()[\]{}]*)[)\]}]$/u;

// A trailing " feat. X" outside brackets. A bare "ft" without a dot is left
// alone, because it is also an abbreviation inside names.
const TRAILING_CREDIT = /\s(?:feat\.?|ft\.|featuring)\s.*$/u;

// A trailing qualifier after " - ", " – ", " — " or ": ".
const TRAILING_QUALIFIER = /(?:\s[-–—]\s|:\s)([^-–—:]+)$/u;

// Stands for a kept bracketed qualifier while the rest of the title is parsed.
const KEPT_MARK = /\u0001(\d+)\u0001/gu;

/** Splits a title into its comparable key, kept qualifiers and edition flags. */
export function parseTitle(raw: string): ParsedTitle {
  const editions = new Set<EditionFlag>();
  const kept: string[] = [];
  let text = unwrap(collapseSpaces(foldCase(raw)));

  for (let match = BRACKET_GROUP.exec(text); match !== null; match = BRACKET_GROUP.exec(text)) {
    const inner = expandKept(match[1] ?? '', kept);
    const words = toWords(inner);
    const qualifier = classifyQualifier(words);

    let replacement = ' ';
    if (qualifier === null && words !== '') {
      kept.push(words);
      replacement = ` \u0001${kept.length - 1}\u0001 `;
    }
    if (qualifier?.kind === 'edition') qualifier.flags.forEach((flag) => editions.add(flag));
    text = text.replace(match[0], replacement);
  }

  text = dropTrailingQualifiers(text.replace(TRAILING_CREDIT, ''), editions);
  return {
    key: toWords(expandKept(text, kept)),
    baseKey: toWords(text.replace(KEPT_MARK, ' ')),
    keptQualifiers: kept,
    editions,
  };
}

function expandKept(text: string, kept: readonly string[]): string {
  return text.replace(KEPT_MARK, (_, index: string) => ` ${kept[Number(index)] ?? ''} `);
}

/** Splits a raw title at a separator (" / ", " - ") and parses each part; one part when there is no separator. */
export function parseTitleParts(raw: string, separator: RegExp): ParsedTitle[] {
  return raw
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(parseTitle);
}

/** Folded words of a text: "&" reads as "and", punctuation becomes spaces. */
function toWords(text: string): string {
  return stripPunctuation(text.replace(/&/gu, ' and '));
}

/** "[ Origin # 02 ]" is a whole title in brackets, not a qualifier. */
function unwrap(text: string): string {
  const match = WHOLLY_BRACKETED.exec(text);
  return match === null ? text : collapseSpaces(match[1] ?? '');
}

function dropTrailingQualifiers(text: string, editions: Set<EditionFlag>): string {
  let current = text;
  for (let match = TRAILING_QUALIFIER.exec(current); match !== null; match = TRAILING_QUALIFIER.exec(current)) {
    const qualifier = classifyQualifier(toWords(match[1] ?? ''));
    if (qualifier?.kind !== 'edition') break;

    qualifier.flags.forEach((flag) => editions.add(flag));
    current = current.slice(0, match.index).trim();
  }
  return current;
}

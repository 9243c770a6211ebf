// Link teasers to other stories inside an article's text ("More: …", "RELATED …", "ALSO READ |
// …", "Read more: …"): a headline of another story, whose acts are not this article's report.
// Pages keep them when the extractor cannot tell them from the body, and feeds of plain text
// carry them as they are.
const TEASER = /^\s*(?:more\s*:|related(?:\s+(?:stories|articles|coverage|news))?\s*[:|–—-]|read\s+more\s*[:|–—-]|also\s+read\s*[:|–—-]|see\s+also\s*[:|–—-]|recommended\s*[:|–—-]|watch\s*[:|]|don['’]t\s+miss\s*[:|–—-])/i;
/** The same markers in capitals need no punctuation ("RELATED Sudrians say …", "ALSO READ Talks …"). */
const SHOUTED = /^\s*(?:RELATED|READ MORE|ALSO READ|SEE ALSO)\b/;

/** True when the sentence is a teaser line linking another story. */
export const isCrossReference = (sentence: string): boolean => TEASER.test(sentence) || SHOUTED.test(sentence);

// Wire-copy credit lines at the foot of a story ("Reporting by A; Additional reporting by B;
// Writing by C; Editing by D"): they name the journalists who wrote it, and "reporting" or
// "writing" in them is no act, nor are the journalists actors.
const CREDIT = /^\s*[([]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|written|edited|translated)\s+by\b/i;
const CREDIT_LIST = /\b(?:reporting|writing|editing)\s+by\s+[^;]+;\s*(?:additional\s+reporting|writing|editing)\s+by\b/i;

/** True when the sentence is a credit line of the journalists who wrote the story. */
export const isCreditLine = (sentence: string): boolean => CREDIT.test(sentence) || CREDIT_LIST.test(sentence);

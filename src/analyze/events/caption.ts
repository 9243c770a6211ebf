// Photo captions left in an article's text ("This undated photo released by the state news agency
// shows …", "In this file photo, …", "FILE PHOTO: …"): they describe a picture, often an old one,
// and "released" or "shows" in them is no act of the day.
const OPENING = /^\s*(?:\(?file\s+photo\)?\s*[:|–—-]|photo\s*[:|]|in\s+(?:this|a)\s+(?:[\w-]+\s+){0,4}?(?:photo|picture|image|photograph|handout|video\s+grab)\b|this\s+(?:[\w-]+\s+){0,4}?(?:photo|picture|image|photograph|handout)\b)/i;
/** "… photo released by …", "… picture taken on …", "… image provided by …". */
const PICTURE = /\b(?:photo|picture|image|photograph|handout)s?\s+(?:released|provided|distributed|taken|made\s+available|obtained)\s+(?:by|on|from|in)\b/i;

/** True when the sentence is a photo caption. */
export const isCaption = (sentence: string): boolean => OPENING.test(sentence) || PICTURE.test(sentence);

// Photo captions left in an article's text ("This undated photo released by the state news agency
// shows …", "In this file photo, …", "FILE PHOTO: …"): they describe a picture, often an old one,
// and "released" or "shows" in them is no act of the day.
const OPENING = /^\s*(?:\(?file\s+photo\)?\s*[:|–—-]|photo\s*[:|]|in\s+(?:this|a)\s+(?:[\w-]+\s+){0,4}?(?:photo|picture|image|photograph|handout|video\s+grab)\b|this\s+(?:[\w-]+\s+){0,4}?(?:photo|picture|image|photograph|handout)\b)/i;
/** "… photo released by …", "… picture taken on …", "… image provided by …". */
const PICTURE = /\b(?:photo|picture|image|photograph|handout)s?\s+(?:released|provided|distributed|taken|made\s+available|obtained)\s+(?:by|on|from|in)\b/i;

/**
 * A wire photo's caption: what someone is seen doing, in the present tense, then where and the
 * day the picture was taken ("… attends a news conference in Moscow, Russia, November 18, 2015.").
 */
const POSES = /\b(?:attends?|arrives?|speaks?|gestures?|looks?\s+on|listens?|poses?|waves?|walks?|stands?|sits?|shakes?\s+hands|(?:is|are)\s+seen|holds?\s+a\s+(?:flag|banner|sign|placard))\b/i;
const PICTURE_DAY = /,\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:,\s+\d{4})?\.?(?:\s+(?:REUTERS|AP|AFP)\b.*)?\s*$/;

/** True when the sentence is a photo caption. */
export const isCaption = (sentence: string): boolean =>
  OPENING.test(sentence) || PICTURE.test(sentence) || (PICTURE_DAY.test(sentence) && POSES.test(sentence));

// Whole-paragraph wording of page furniture that survives markup cleaning: ad labels,
// "Read more" and newsletter prompts, date lines, photo captions and credits, comment
// prompts, CMS credits, and the author bio / contact lines that close many articles.
// Each pattern is anchored to the whole paragraph (or its start or end) and length-capped,
// so a sentence of the article that merely contains such words is kept.

const WHOLE: RegExp[] = [
  /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|partner content)$/i,
  /^(?:continue reading(?: below| the (?:main )?story)?|(?:story|article) continues (?:below|after)(?: advertisement| this ad)?|scroll (?:down )?to continue.*)$/i,
  /^(?:skip to (?:main )?content|jump to (?:navigation|content)|back to top|go to top|top)$/i,
  /^this (?:slideshow|video|content|feature|embed|page|element) (?:requires|needs) javascript\b.*$/i,
  /^(?:share|share this(?: article| story| post| page)?|share (?:on|via) \w+|tweet|email|e-mail|print|whatsapp|pin it|copy link|link copied|comments?)[:!.]?$/i,
  /^(?:leave a (?:comment|reply)|\d+ (?:comments?|responses?|replies)|no comments(?: yet)?|add (?:a|your) comment|post a comment|write a comment|view (?:all )?comments|show comments|join the (?:discussion|conversation)|cancel reply|tell us what you think|what do you think\??|have your say)(?:\.{1,3}|[!?…])?$/i,
  // Unrendered CMS shortcodes ("[button link=…]Send us your review[/button]").
  /^\[([a-z_-]+)\b[^\]]*\].{0,200}\[\/\1\]$/i,
  /^(?:(?:proudly )?powered by|theme(?: by|:)|designed by|site by|built (?:with|on)) [\w .&-]{1,60}\.?$/i,
  /^(?:(?:copyright|©|\(c\))\s*.{0,160}|all rights reserved\.?.{0,120}|.{0,120}\ball rights reserved\.?)$/i,
  /^read (?:this|it|the (?:article|story))? ?in [a-z]+$/i,
  /^(?:tags?|topics?|filed under|categories|category|keywords|related topics|related tags)\s*:?\s*.{0,200}$/i,
  /^(?:follow|like|find) (?:us|me|him|her|them|\w+ \w+) on (?:twitter|facebook|instagram|linkedin|x|threads|social media)\b.{0,120}$/i,
  /^(?:loading|please wait)(?: (?:content|comments|more))?\s*(?:\.{0,3}|…)$/i,
  /^(?:sign in|log in|login|register|sign up|subscribe|my account|breaking news|menu|search|close)$/i,
  /^(?:this (?:web)?site uses cookies|we use cookies|by (?:using|continuing to use) this (?:web)?site).{0,300}$/i,
  /^(?:published|updated|posted|last (?:updated|modified)|first published|release date|date)\b[\s:]*.{0,80}$/i,
  /^(?:image|images|photo|photos|picture|video|graphic|illustration|photograph|photo credits?|image credits?|credits?|source)\s*[:|/]\s*.{0,120}$/i,
  /^(?:photo|image|video|graphic|slide)s?(?:\s+\d+)?\s+(?:of\s*\/?|\/)\s*\d+$/i,
  /^(?:previous|next)(?: (?:article|post|story|page))?\s*[:»«>]?\s*.{0,150}$/i,
];

// Labels that lead into links to other stories: only with a separator or alone, so an
// article sentence starting "Read more closely, …" survives.
const LINK_PROMPTS =
  /^(?:read more|read next|read also|also read|related|related (?:articles?|stories|posts|coverage|content|reading)|see also|more|more from [\w .'-]{1,40}|more on this(?: story)?|more stories|more like this|recommended(?: for you)?|don't miss|do not miss|you may (?:also )?like|you might (?:also )?like|trending(?: now)?|most (?:popular|read|viewed)|latest (?:news|stories|articles|posts)|recent (?:posts|stories|articles|comments)|top stories|watch|listen|previously|further reading|editor'?s picks?)\s*(?:[:|»>–—-]\s*.{0,180}|\.{3}|…)?$/i;

// Calls to action: sign-ups, downloads, tips, affiliate notes.
const ACTION_PROMPTS =
  /^(?:click here|sign up|signup|subscribe|submit (?:your|a) (?:letter|story|tip|photo|news)|for (?:the )?(?:latest|more) (?:news|stories|updates|breaking news)|get the latest|get our|join our|want more|don't miss out|never miss|download (?:the|our)|newsletter|get (?:it|this) (?:in|delivered to) your inbox|enter your email|your email address|have a (?:news )?tip|got a (?:news )?tip|send us|contact us|editor'?s note|this (?:article|story|post) (?:was|has been) (?:originally )?(?:published|updated)|this post (?:may )?contains? affiliate)\b.{0,180}$/i;

// A caption or credit: short text that ends with a credit ("… (Image: GETTY)", "… / Image: KCNA",
// "… Credit: EPA", "… (AP Photo/Name)", "… | Getty Images").
const CREDIT_WORD = '(?:images?|photos?|pictures?|photographs?|photography|credits?|sources?|illustrations?|graphics?|videos?|file photo|(?:ap|afp|reuters|epa|getty) photo|pictured)';
const CREDIT_END = [
  new RegExp(`\\(\\s*${CREDIT_WORD}(?:\\s+credit)?\\s*[:/]?[^()]{0,60}\\)\\.?$`, 'i'),
  new RegExp(`(?:^|\\s)[/|–—]\\s*${CREDIT_WORD}(?:\\s+credit)?\\s*[:/]?\\s*[^.!?]{0,60}\\.?$`, 'i'),
  new RegExp(`${CREDIT_WORD}(?:\\s+credit)?\\s*:\\s*[^.!?:]{1,60}\\.?$`, 'i'),
  /\b(?:photo|picture|image)s? by [A-Z][^.!?]{0,50}$/,
  /(?:^|[\s,;(])©\s*[^.!?©]{1,60}\)?\.?$/,
  /(?:[([|/–—]\s*)(?:getty images?|ap|afp|reuters|epa|shutterstock|alamy|istock(?:photo)?|pa(?: wire)?|bloomberg|xinhua|yonhap|kcna|efe|anadolu|sipa)(?:\s*(?:via|\/)\s*[^)\]]{0,40})?[)\]]?\.?$/i,
];

/** Author bios and contact lines: "Jane Roe is a reporter for …", "Contact her at …". */
const BIO =
  /^(?:[A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]+){0,3})\s+(?:is|was|has been|covers|writes|reports)\s+(?:a|an|the|our|about|for|on)\b.{0,40}\b(?:reporter|writer|editor|correspondent|columnist|contributor|journalist|author|blogger|producer|intern|freelancer|fellow|analyst|professor|host|anchor|critic)\b.{0,250}$/u;
const CONTACT = /^(?:contact|email|e-mail|reach|write to|follow)\b.{0,120}(?:@|\bat\b).{0,120}$|^.{0,200}\b(?:may|can) be (?:reached|contacted) at\b.{0,160}$/i;
// Wire credits and author promotions that close articles.
const CLOSING = /^(?:(?:additional )?(?:reporting|writing|editing|research|compiled|produced|translated) by\b.{0,250}|.{0,300}\bfollow (?:him|her|them|us|me)\b.{0,30}\bon (?:twitter|facebook|instagram|linkedin|x|threads)\b.{0,100})$/i;

// A paragraph that is only a date or time stamp ("March 5, 2024", "Tue 19 Nov 2019 10:43 GMT").
const DATE_PARTS = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d+(?:st|nd|rd|th|h)?|\b(?:at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|[ecmp][sd]?t|kst|jst|ist|on|of|updated|published|posted|last|modified|asked|answered|edited|commented|hrs?|mins?|ago|hours?|minutes?|days?)\b|[\s,.:/|–—()+-]+/gi;
const MONTH_OR_NUMERIC = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}:\d{2}|\bago\b/i;

function isDateLine(t: string): boolean {
  // A day or an hour must be there: "May 2024" alone may be a heading in a timeline.
  return t.length <= 80 && /(?<!\d)\d{1,2}(?:st|nd|rd|th)?\b/.test(t) && MONTH_OR_NUMERIC.test(t) && t.replace(DATE_PARTS, '') === '';
}

export interface ParagraphContext {
  /** 0-based index of the paragraph and how many there are. */
  index: number;
  count: number;
}

/** True when a whole paragraph is furniture, judged by its wording and position. */
export function isBoilerplateParagraph(text: string, ctx: ParagraphContext): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return true;
  if (t.length <= 400 && WHOLE.some((re) => re.test(t))) return true;
  if (isDateLine(t)) return true;
  if (t.length <= 200 && (LINK_PROMPTS.test(t) || ACTION_PROMPTS.test(t))) return true;
  if (t.length <= 400 && CREDIT_END.some((re) => re.test(t))) return true;
  // Closing bios and contact lines only count near the end of the article.
  const nearEnd = ctx.index >= ctx.count - 3;
  if (nearEnd && t.length <= 400 && (BIO.test(t) || CONTACT.test(t) || CLOSING.test(t))) return true;
  return false;
}

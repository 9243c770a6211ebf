// Chart and graph colours that must match styles.css (--conflict, --coop): canvas drawing
// cannot read CSS variables cheaply, so they are named once here.
export const CONFLICT = '#c0392b';
export const COOPERATION = '#1e8449';
export const NEUTRAL = '#7f8c8d';

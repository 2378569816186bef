/** Site-relative URLs that respect Astro's `base` (a course may be hosted under a sub-path). */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export function url(path: string): string {
  return `${base}/${path.replace(/^\//, '')}`;
}

export function chapterUrl(id: string): string {
  return url(`chapters/${id}/`);
}

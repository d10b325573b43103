import { Tag, type TagColour } from './Tag';

export interface TagItem {
  text: string;
  colour?: TagColour;
}

/** Several tags as a list, so screen readers count them; wraps on small screens. */
export function TagList({ tags, label }: { tags: readonly TagItem[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="app-tag-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.text} className="app-tag-list__item">
          <Tag colour={tag.colour ?? 'blue'}>{tag.text}</Tag>
        </li>
      ))}
    </ul>
  );
}

// Placeholder created with the skeleton; replaced by the real page.
export default function TablePage() {
  return null;
}

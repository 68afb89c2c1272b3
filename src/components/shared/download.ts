/**
 * Hands a text file to the person: a temporary `text/csv` object URL clicked through a hidden link
 * in the element's shadow root (no navigation, nothing left behind).
 */
export function downloadText(root: ParentNode, fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

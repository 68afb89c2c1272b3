// The development SMS outbox: shows new messages as they arrive (polls /dev/sms.json every 2 s).
interface OutboxEntry {
  id: number;
  to: string;
  body: string;
  sent_ms: number;
}

const list = document.getElementById('outbox');

function item(m: OutboxEntry): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'sms';
  li.dataset.id = String(m.id);
  const to = document.createElement('span');
  to.className = 'sms-to';
  to.textContent = m.to;
  const time = document.createElement('time');
  time.dateTime = new Date(m.sent_ms).toISOString();
  time.textContent = `${new Date(m.sent_ms).toISOString().slice(11, 19)} UTC`;
  const body = document.createElement('p');
  body.className = 'sms-body';
  body.textContent = m.body;
  li.append(to, ' ', time, body);
  return li;
}

async function refresh(): Promise<void> {
  if (!list) return;
  try {
    const res = await fetch('/dev/sms.json', { headers: { Accept: 'application/json' } });
    const { data } = (await res.json()) as { data: OutboxEntry[] };
    const newest = Number((list.querySelector('li.sms') as HTMLElement | null)?.dataset.id ?? 0);
    const fresh = data.filter((m) => m.id > newest);
    if (!fresh.length) return;
    list.querySelector('li.empty')?.remove();
    list.prepend(...fresh.map(item));
  } catch {
    // The server restarted or is gone: try again at the next tick.
  }
}

setInterval(refresh, 2000);

const id = new URLSearchParams(location.search).get('id');

async function loadItem() {
  const response = await fetch(`/api/items/${encodeURIComponent(id)}`, { credentials: 'same-origin' });
  const item = await response.json();
  document.querySelector('#title').textContent = item.title;
}

window.addEventListener('popstate', () => fetch(location.href, { headers: { accept: 'application/json' } }));
loadItem();

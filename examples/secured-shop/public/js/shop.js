// Fills the product and event lists on the home page.
function addItem(list, text) {
  const li = document.createElement('li');
  li.textContent = text;
  list.appendChild(li);
}

fetch('/api/products')
  .then((res) => res.json())
  .then((products) => {
    const list = document.getElementById('products');
    for (const p of products) addItem(list, `${p.name} - ${p.description} - \u20ac${p.price.toFixed(2)}`);
  });

fetch('/api/events')
  .then((res) => res.json())
  .then((events) => {
    const list = document.getElementById('events');
    for (const e of events) addItem(list, `${e.title} - ${new Date(e.starts_at).toLocaleString()} - ${e.location}`);
  });

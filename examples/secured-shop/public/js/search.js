// Puts the cursor in the search box so the visitor can refine the search.
const box = document.querySelector('input[name="q"]');
if (box) box.focus();

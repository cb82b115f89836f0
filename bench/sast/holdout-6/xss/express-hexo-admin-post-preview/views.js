function previewPage(draft) {
  return '<!doctype html><h1>' + draft.title + '</h1><p class="summary">' + draft.summary + '</p>';
}

module.exports = { previewPage };

// A front end served from its own origin (http://localhost:5173)
// calling the API on another. ?api= picks the API: Flask's by default.
const api =
  new URLSearchParams(location.search).get("api") ??
  "http://127.0.0.1:8000/api/books";

// --8<-- [start:fetch]
// Cookies go along, so the API must name this origin, never "*".
const options = { credentials: "include" };

async function listBooks() {
  const response = await fetch(api, options);
  return (await response.json()).books;
}

async function addBook(title) {
  // A JSON body: the browser sends a preflight before the POST.
  const response = await fetch(api, {
    ...options,
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title }),
  });
  return response.json();
}
// --8<-- [end:fetch]

async function show() {
  const list = document.getElementById("books");
  const status = document.getElementById("status");
  try {
    const items = (await listBooks()).map((book) => {
      const item = document.createElement("li");
      item.textContent = book.title;
      return item;
    });
    list.replaceChildren(...items);
    status.textContent = `${items.length} books`;
  } catch (error) {
    // A refused origin: fetch() rejects, the answer stays hidden.
    status.textContent = `Refused: ${error.message}`;
  }
}

const form = document.getElementById("add");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    await addBook(form.elements.title.value);
    form.reset();
    await show();
  } catch (error) {
    const status = document.getElementById("status");
    status.textContent = `Refused: ${error.message}`;
  }
});

show();

"""A front end on another origin (CORS): the examples of docs/cookbook/cors.md."""

"""A front end on another origin (CORS) in Django: the app that examples/project mounts at /cors/."""

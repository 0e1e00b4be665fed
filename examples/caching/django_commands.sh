# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install Django==6.1.3 redis==8.1.0
redis-server --port 6379 --save "" --appendonly no &
cd examples
export REDIS_URL=redis://127.0.0.1:6379/0
export DJANGO_SETTINGS_MODULE=caching.django_app.settings
python manage.py migrate
python manage.py shell -c "from caching.django_app.models import Product; Product.objects.create(name='Teapot', stock=12)"
python manage.py runserver 8000
# In a second terminal: the first request fills the cache, the second is read from it.
curl http://127.0.0.1:8000/caching/products/
curl http://127.0.0.1:8000/caching/products/
# --8<-- [end:run]

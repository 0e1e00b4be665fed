# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install Django==6.1.3 channels==4.3.2 channels-redis==4.3.0 uvicorn==0.54.0 wsproto==1.3.2
redis-server --port 6379 --save "" --appendonly no &
cd examples
export REDIS_URL=redis://127.0.0.1:6379/0
export DJANGO_SETTINGS_MODULE=realtime.django_app.settings
# Any ASGI server that speaks WebSocket: uvicorn with wsproto here, or Daphne.
uvicorn realtime.django_app.asgi:application --port 8000
# Open http://127.0.0.1:8000/realtime/ in two browser tabs and chat.
# --8<-- [end:run]

# --8<-- [start:app]
from django.http import HttpResponse


def index(request):
    return HttpResponse("Hello from Django!")
# --8<-- [end:app]

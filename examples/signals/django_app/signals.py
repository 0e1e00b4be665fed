# --8<-- [start:custom]
from django.dispatch import Signal

# Receivers get sender= and order= (document the arguments here:
# Signal() cannot).
order_placed = Signal()
# --8<-- [end:custom]

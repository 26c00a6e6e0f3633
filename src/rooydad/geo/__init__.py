"""Places: a gazetteer of Persian place names and where an event happened."""

from .gazetteer import Gazetteer, Place, load_gazetteer
from .locate import GeoLocation, choose, lead_place, locate, locate_event, mentions

__all__ = ["Gazetteer", "Place", "GeoLocation", "load_gazetteer", "locate", "locate_event", "lead_place", "choose", "mentions"]

"""Plain Common Cartridge (1.1 or 1.3) for other LMSs, laid out like the Moodle package."""

from __future__ import annotations

from ..packaging.cartridge import VERSIONS, CCVersion
from .moodle import MoodleFlavour


class CommonCartridgeFlavour(MoodleFlavour):
    """Generic Common Cartridge in the configured version (checked when the config is read)."""

    name = "imscc"

    def version(self, configured: str) -> CCVersion:
        return VERSIONS[configured]


COMMON_CARTRIDGE = CommonCartridgeFlavour()

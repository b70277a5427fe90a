"""Import-heavy start-up: the standard library modules a typical tool or
test suite loads."""
import argparse  # noqa: F401
import asyncio  # noqa: F401
import decimal  # noqa: F401
import email.message  # noqa: F401
import http.client  # noqa: F401
import json  # noqa: F401
import logging  # noqa: F401
import sqlite3  # noqa: F401
import unittest  # noqa: F401
import xml.etree.ElementTree  # noqa: F401

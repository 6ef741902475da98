"""gongkai (公开): open-source software for China's open government information system."""

__version__ = "0.1.0"

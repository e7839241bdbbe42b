"""Streamlit-side helpers of the app: resource loading, rendering, exports (the pages are in pages_app/)."""

"""Reference server for Torgkiosk's central API.

Stands alone: it shares only the HTTP/JSON contract with the kiosk and imports
none of the kiosk's packages. Until the sync issue it serves only ``/api/v1/health``,
which the kiosk's online/offline indicator probes.
"""

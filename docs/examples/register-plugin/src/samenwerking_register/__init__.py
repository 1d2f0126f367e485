"""samenwerking-register: read the sociaal-domein register export into samenwerking."""

__all__: list[str] = []

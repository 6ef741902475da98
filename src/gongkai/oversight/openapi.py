"""The OpenAPI 3.1 document of the read-only API, made from `api.ENDPOINTS`."""

from __future__ import annotations

from typing import Any

from gongkai import __version__
from gongkai.oversight.api import ENDPOINTS, INT

ERROR = {
    "type": "object",
    "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
    "required": ["code", "message"],
}
PAGING = (
    {
        "name": "page",
        "in": "query",
        "description": "页码，从 1 开始",
        "schema": {**INT, "minimum": 1},
    },
    {
        "name": "page_size",
        "in": "query",
        "description": "每页条数，默认 100，最多 1000",
        "schema": {**INT, "minimum": 1, "maximum": 1000},
    },
)


def page_schema(item: str) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "count": INT,
            "page": INT,
            "page_size": INT,
            "next": {"type": ["string", "null"]},
            "previous": {"type": ["string", "null"]},
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
        },
        "required": ["count", "page", "page_size", "next", "previous", "results"],
        "additionalProperties": False,
    }


def document(base: str = "/oversight/api") -> dict[str, Any]:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {"Error": ERROR}
    for name, endpoint in ENDPOINTS.items():
        item = name.capitalize()
        schemas[item] = endpoint.schema
        schemas[f"{item}Page"] = page_schema(item)
        paths[f"{base}/{name}"] = {
            "get": {
                "operationId": f"list_{name}",
                "summary": endpoint.summary,
                "parameters": [
                    *PAGING,
                    *(
                        {
                            "name": p.name,
                            "in": "query",
                            "description": p.description,
                            "schema": p.schema,
                        }
                        for p in endpoint.params
                    ),
                ],
                "responses": {
                    "200": {
                        "description": "一页结果",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{item}Page"}
                            }
                        },
                    },
                    "400": _error("参数错误"),
                    "401": _error("未登录"),
                    "403": _error("没有监督权限"),
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "gongkai 年度报告监督 API",
            "version": __version__,
            "description": "只读；按登录用户的监督范围（其地区及下级地区）返回数据。",
        },
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }

"""Dashboards in the admin: each live campaign at a glance on the admin index, and a page per
campaign with its figures over time.

campaign/ knows no app: petitions and letters each register a `FigureSource` in their
AppConfig.ready (registry.py), as they register their email templates with the outbox. A
source answers with aggregates only (GROUP BY day, riding or campaign; never a loop over
rows), in the shapes this package draws: `Chart` (server-side SVG, charts.py) and `Table`.

    registry.py   the contract and the registered sources
    periods.py    the days a page shows, and counting rows per day in one query
    charts.py     SVG geometry and a text description for each chart (no script, no CDN)
    selectors.py  what the admin index and a campaign's page show
    site.py       the admin site: its index carries the live campaigns' figures
    views.py      the campaign dashboard page
"""

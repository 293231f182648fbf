"""The staff groups and their permissions, for data migrations in any app.

Organisers edit campaigns in the admin; data staff read and export supporter lists. Each app's
data migration grants the groups what they need on that app's models:

    grant_permissions(apps, {"Organisers": {"petitions": {"petition": ["view", "change"]}}})
"""

from django.db.models import Q

ORGANISERS = "Organisers"
DATA_STAFF = "Data staff"

PermissionSpec = dict[str, dict[str, dict[str, list[str]]]]


def ensure_permissions_exist(apps) -> None:
    """On a fresh database permissions are only created after every migration; make them now."""
    from django.apps import apps as live_apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        if apps is live_apps:
            create_permissions(app_config, verbosity=0, apps=apps)
            continue
        # A migration state's app configs look model-less to create_permissions; say otherwise.
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def restore_staff_groups() -> None:
    """Grant again what every data migration granted (they keep their spec in PERMISSIONS).

    For tests: a transactional test flushes every table, and the groups with it.
    """
    from importlib import import_module

    from django.apps import apps as live_apps
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    for migration in loader.disk_migrations.values():
        spec = getattr(import_module(type(migration).__module__), "PERMISSIONS", None)
        if spec:
            grant_permissions(live_apps, spec)


def grant_permissions(apps, spec: PermissionSpec) -> None:
    """Give each group (created if missing) the permissions `spec` lists.

    An action is "add", "change", "delete", "view", or a custom codename prefix such as
    "export" for a model permission named `export_<model>`.
    """
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    for group_name, by_app in spec.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*_permissions(apps, by_app))


def revoke_permissions(apps, spec: PermissionSpec) -> None:
    """Undo grant_permissions (for reversible migrations); the groups themselves stay."""
    Group = apps.get_model("auth", "Group")
    for group_name, by_app in spec.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, by_app))


def _permissions(apps, by_app: dict[str, dict[str, list[str]]]):
    """The Permission rows one group's part of a spec names."""
    Permission = apps.get_model("auth", "Permission")
    named = Q(pk__in=[])  # nothing, when the spec names nothing
    for app_label, by_model in by_app.items():
        for model, actions in by_model.items():
            codenames = [f"{action}_{model}" for action in actions]
            named |= Q(content_type__app_label=app_label, codename__in=codenames)
    return Permission.objects.filter(named)

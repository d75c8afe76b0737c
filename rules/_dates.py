"""Reference years and dates shared by the timing rules (not a rule itself)."""


def plan_year(plan, options):
    """The configured plan year if set, else the year read from the plan's title."""
    config = options.get("_config")
    return (config.year if config is not None and config.year else None) or plan.year

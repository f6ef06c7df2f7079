"""The shipped rulebooks (YAML data, packaged into the wheel as ``auditor.rules``)."""

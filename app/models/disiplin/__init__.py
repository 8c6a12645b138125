"""Discipline cases under PP 94/2021: summons, examination, decision, appeal, effects."""

"""samenwerking-survey: read a roster network survey into directed ties, with response rates.

Example
-------
>>> from samenwerking_survey import SurveyAdapter
>>> SurveyAdapter().name
'survey'
"""

from samenwerking_survey.columns import ROSTER_COLUMNS, SURVEY_COLUMNS
from samenwerking_survey.labels import default_role, default_sector
from samenwerking_survey.reader import Scales, SurveyData, UnknownName, read_survey_data
from samenwerking_survey.response import GroupResponse, ResponseSummary, response_summary
from samenwerking_survey.survey import (
    SurveyAdapter,
    UnmappedLabelWarning,
    build_region,
    organisation_id,
    professional_id,
    read_survey,
)

__all__ = [
    "ROSTER_COLUMNS",
    "SURVEY_COLUMNS",
    "GroupResponse",
    "ResponseSummary",
    "Scales",
    "SurveyAdapter",
    "SurveyData",
    "UnknownName",
    "UnmappedLabelWarning",
    "build_region",
    "default_role",
    "default_sector",
    "organisation_id",
    "professional_id",
    "read_survey",
    "read_survey_data",
    "response_summary",
]

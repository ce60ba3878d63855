"""Every use-case service over one open database, built once and handed to the window."""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.db.engine import Database
from crmdesk.domain.clock import Clock, system_clock
from crmdesk.services.care import CareService
from crmdesk.services.complaints import ComplaintService
from crmdesk.services.contacts import ContactService
from crmdesk.services.customer_overview import CustomerOverviewService
from crmdesk.services.customers import CustomerService
from crmdesk.services.dashboard import DashboardService
from crmdesk.services.follow_ups import FollowUpService
from crmdesk.services.interactions import InteractionService
from crmdesk.services.loyalty import LoyaltyService
from crmdesk.services.orders import OrderService
from crmdesk.services.reps import RepService
from crmdesk.services.surveys import SurveyService
from crmdesk.services.tags import TagService
from crmdesk.services.timeline import TimelineService
from crmdesk.services.value import ValueService


@dataclass(frozen=True)
class Workspace:
    database: Database
    clock: Clock
    customers: CustomerService
    contacts: ContactService
    reps: RepService
    tags: TagService
    interactions: InteractionService
    follow_ups: FollowUpService
    complaints: ComplaintService
    orders: OrderService
    overview: CustomerOverviewService
    timeline: TimelineService
    care: CareService
    value: ValueService
    loyalty: LoyaltyService
    surveys: SurveyService
    dashboard: DashboardService

    @classmethod
    def over(cls, database: Database, clock: Clock = system_clock) -> Workspace:
        return cls(
            database=database,
            clock=clock,
            customers=CustomerService(database, clock),
            contacts=ContactService(database, clock),
            reps=RepService(database, clock),
            tags=TagService(database, clock),
            interactions=InteractionService(database, clock),
            follow_ups=FollowUpService(database, clock),
            complaints=ComplaintService(database, clock),
            orders=OrderService(database, clock),
            overview=CustomerOverviewService(database, clock),
            timeline=TimelineService(database),
            care=CareService(database, clock),
            value=ValueService(database, clock),
            loyalty=LoyaltyService(database, clock),
            surveys=SurveyService(database, clock),
            dashboard=DashboardService(database, clock),
        )

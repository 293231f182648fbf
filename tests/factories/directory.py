import factory

from campaign.directory.models import FsaRiding, Office, OfficeHolder, Representative, Riding


class RidingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Riding
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{35000 + n % 999:05d}")
    name_en = factory.Sequence(lambda n: f"Riding {n}")
    name_fr = factory.LazyAttribute(lambda riding: f"Circonscription {riding.name_en[7:]}")
    province = "ON"


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    riding = factory.SubFactory(RidingFactory)
    name = factory.Sequence(lambda n: f"Member {n}")
    key = factory.LazyAttribute(lambda rep: f"{rep.name}|{rep.riding.name_en}".lower())
    riding_code = factory.LazyAttribute(lambda rep: rep.riding.code)
    riding_name_en = factory.LazyAttribute(lambda rep: rep.riding.name_en)
    riding_name_fr = factory.LazyAttribute(lambda rep: rep.riding.name_fr)
    province = factory.LazyAttribute(lambda rep: rep.riding.province)
    party = "Liberal"
    email = factory.Sequence(lambda n: f"member{n}@parl.gc.ca")
    source = Representative.Source.CSV


class FsaRidingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FsaRiding

    fsa = "K1A"
    riding = factory.SubFactory(RidingFactory)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ("code",)

    code = "MFA"
    title_en = "Minister of Foreign Affairs"
    title_fr = "Ministre des Affaires étrangères"
    kind = Office.Kind.MINISTER


class OfficeHolderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeHolder

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"Minister {n}")
    email = factory.Sequence(lambda n: f"minister{n}@parl.gc.ca")
    source = OfficeHolder.Source.ADMIN

"""The other child a chronology entry names, so that it can be hidden from those who may not
see that child."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('chronology', '0007_kind_without_choices'),
        ('people', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='chronologyentry',
            name='other_child',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.child'),
        ),
    ]

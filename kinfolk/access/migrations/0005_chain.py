"""The access log's hash chain: each row's hash and the chain's head (kinfolk.access.chain).

The rows already written get their hashes in 0006; 0007 then refuses a row without one. On
SQLite, altering ``action`` and ``at`` rebuilds the table, which drops the append-only trigger
of 0004: 0007 puts it back.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('access', '0004_append_only'),
    ]

    operations = [
        migrations.CreateModel(
            name='AccessChainHead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('last_hash', models.CharField(max_length=64)),
                ('length', models.PositiveBigIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'access chain head',
            },
        ),
        migrations.AddField(
            model_name='accessrecord',
            name='chain_hash',
            field=models.CharField(default='', editable=False, max_length=64, verbose_name='chain hash'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='accessrecord',
            name='action',
            field=models.CharField(choices=[('view', 'Viewed'), ('list', 'Listed'), ('change', 'Changed'), ('export', 'Exported'), ('refused', 'Refused'), ('break-glass', 'Broke the glass')], max_length=20, verbose_name='action'),
        ),
        migrations.AlterField(
            model_name='accessrecord',
            name='at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False, verbose_name='when'),
        ),
    ]
